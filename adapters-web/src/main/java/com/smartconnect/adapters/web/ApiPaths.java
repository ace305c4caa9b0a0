package com.smartconnect.adapters.web;

import io.vertx.ext.web.RoutingContext;

/** The path of a request as the contract names it: without the mount point when a host mounted the API's router. */
final class ApiPaths {

    private ApiPaths() {
    }

    /** The normalized path below the mount point; throws as {@link RoutingContext#normalizedPath()} does. */
    static String of(RoutingContext ctx) {
        return belowMountPoint(ctx, ctx.normalizedPath());
    }

    /** The request's path as sent, below the mount point. */
    static String asSent(RoutingContext ctx) {
        return belowMountPoint(ctx, ctx.request().path());
    }

    private static String belowMountPoint(RoutingContext ctx, String path) {
        String mountPoint = ctx.mountPoint();
        if (mountPoint == null || mountPoint.isEmpty() || mountPoint.equals("/")) {
            return path;
        }
        String prefix = mountPoint.endsWith("/") ? mountPoint.substring(0, mountPoint.length() - 1) : mountPoint;
        return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }
}
