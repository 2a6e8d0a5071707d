# One image recipe for every Node service; docker-compose.yml picks the service:
#   docker build --build-arg SERVICE=payment-service --build-arg PORT=8082 .
FROM node:22-bookworm-slim
ARG SERVICE
ARG PORT
# A liveness path that does not depend on other services (the gateway's /health reports its upstreams).
ARG HEALTH_PATH=/health
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=${PORT} HEALTH_URL=http://127.0.0.1:${PORT}${HEALTH_PATH}
# Workspace manifests first, so the dependency layer is cached until a manifest changes.
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY infra/package.json infra/
COPY auth-service/package.json auth-service/
COPY payment-service/package.json payment-service/
COPY analytics-service/package.json analytics-service/
COPY gateway/package.json gateway/
COPY client/package.json client/
COPY bench/package.json bench/
RUN test -n "$SERVICE" && npm ci --no-audit --no-fund --workspace "@paymesh/${SERVICE}" --include-workspace-root
COPY tsconfig.base.json ./
COPY shared/ shared/
COPY ${SERVICE}/ ${SERVICE}/
USER node
WORKDIR /app/${SERVICE}
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD node -e "fetch(process.env.HEALTH_URL).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--import", "tsx", "src/main.ts"]
