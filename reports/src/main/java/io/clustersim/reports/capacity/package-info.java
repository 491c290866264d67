/**
 * The capacity plan of a sweep over load, instance class and server count: each size's figures
 * against its service levels, the knee (the load at which a size first misses them) and the
 * smallest size that meets them with the stated headroom.
 */
package io.clustersim.reports.capacity;
