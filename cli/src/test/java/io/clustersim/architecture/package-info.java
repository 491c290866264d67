/** Build-breaking rules on the code's shape: determinism bans and module layering. */
package io.clustersim.architecture;
