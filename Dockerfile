# Postplan: the API and the web app in one image. The worker role is the same image with
# POSTPLAN_ROLE=worker (and NODE_OPTIONS="--max-old-space-size=128 --max-semi-space-size=8",
# see docs/publishing.md, "A worker's memory"). Migrations run at start by default, or separately:
#   docker run --rm -e DATABASE_URL=... -e POSTPLAN_MIGRATE_ON_START=false postplan node dist/server/apps/api/src/cli/migrate.js

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN node apps/api/scripts/build.mjs --force && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 POSTPLAN_DATA_DIR=/var/lib/postplan
# ffprobe and ffmpeg check uploaded videos and make their poster frames (docs/media.md).
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
RUN mkdir -p /var/lib/postplan && chown node:node /var/lib/postplan
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# DATABASE_URL and POSTPLAN_SECRET_KEY are required in a container: it has no embedded database.
CMD ["node", "--enable-source-maps", "dist/server/apps/api/src/main.js"]
