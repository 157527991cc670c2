# syntax=docker/dockerfile:1
# Three stages on the same Debian base: better-sqlite3 is a native addon, so it is built
# (if no prebuilt binary fits) where the compilers are, and runs on the same libc.

# Production dependencies only (no TypeScript, tsx or test tools in the image).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# The compiled JavaScript (npm run build -> dist/).
FROM deps AS build
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATABASE_PATH=/data/meshbot.db \
    BANKS_DIR=/app/data/banks \
    PORT=3000
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json package-lock.json ./
COPY migrations ./migrations
COPY data ./data
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM goes straight to node (no npm in between), so shutdown is graceful. The flags are
# package.json's start:prod (a test keeps the two the same); docs/operations.md, "Memory".
CMD ["node", "--max-semi-space-size=8", "dist/adapters/main.js"]
