/**
 * What a server is made of and what its work costs: the instance class (cores, memory) and the
 * CPU service time of each operation, which the server agent declares to the kernel's CPU model.
 * Without a {@code capacity:} section nothing costs anything and servers behave as before.
 */
package io.clustersim.model.capacity;
