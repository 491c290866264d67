/** A host that runs a Nomad server and a Nomad client together. */
package io.clustersim.model.host;
