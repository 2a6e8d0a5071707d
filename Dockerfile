# syntax=docker/dockerfile:1
# One recipe for every image. The Node services (the default target); docker-compose.yml picks the service:
#   docker build --build-arg SERVICE=payment-service --build-arg PORT=8082 .
# The service is compiled to JavaScript in the build stage; the runtime stage holds node, the
# service's production dependencies and its dist/ folder, nothing else. The client:
#   docker build --target client --build-arg VITE_GATEWAY_URL=https://api.example.com .

# Every workspace's manifest, because npm ci checks the whole lockfile against them.
FROM node:24-bookworm-slim AS manifests
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY contract/package.json contract/
COPY infra/package.json infra/
COPY auth-service/package.json auth-service/
COPY payment-service/package.json payment-service/
COPY analytics-service/package.json analytics-service/
COPY gateway/package.json gateway/
COPY client/package.json client/
COPY bench/package.json bench/
COPY chaos/package.json chaos/

# The client is static files once built, so its image is nginx serving them, not node.
FROM manifests AS client-build
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund --workspace @paymesh/client --include-workspace-root
COPY tsconfig.base.json ./
COPY shared/ shared/
COPY contract/ contract/
COPY client/ client/
# The browser calls the gateway from the user's machine, so this is the published address.
ARG VITE_GATEWAY_URL=http://localhost:8080
ENV VITE_GATEWAY_URL=$VITE_GATEWAY_URL
RUN npm run build --workspace @paymesh/client

# nginx built to run as an unprivileged user (uid 101) on port 8080.
FROM nginxinc/nginx-unprivileged:1.30-alpine AS client
COPY client/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=client-build /app/client/dist /usr/share/nginx/html
USER 101:101
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
    CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]

FROM node:24-bookworm-slim AS build
ARG SERVICE
WORKDIR /app
COPY --from=manifests /app ./
# With dev dependencies: the build runs tsx and esbuild (the root and infra's dev tools).
RUN --mount=type=cache,target=/root/.npm \
    test -n "$SERVICE" && npm ci --no-audit --no-fund --include-workspace-root --workspace "@paymesh/${SERVICE}" --workspace @paymesh/infra
COPY tsconfig.base.json ./
COPY shared/ shared/
COPY contract/ contract/
COPY infra/ infra/
COPY ${SERVICE}/ ${SERVICE}/
RUN npm run build --workspace "@paymesh/${SERVICE}"

FROM node:24-bookworm-slim
ARG SERVICE
ARG PORT
# A liveness path that does not depend on other services (the gateway's /health reports its upstreams).
ARG HEALTH_PATH=/health
ENV NODE_ENV=production HOST=0.0.0.0 PORT=${PORT} HEALTH_URL=http://127.0.0.1:${PORT}${HEALTH_PATH}
WORKDIR /app
COPY --from=manifests /app ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --no-audit --no-fund --workspace "@paymesh/${SERVICE}"
COPY --from=build /app/${SERVICE}/dist ${SERVICE}/dist/
WORKDIR /app/${SERVICE}
# The node image's own unprivileged user, by number so Kubernetes can check runAsNonRoot.
# Every file above belongs to root: the service can read its code, never change it.
USER 1000:1000
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch(process.env.HEALTH_URL).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/main.js"]
