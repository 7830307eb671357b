# Stage 1 builds the plugin (frontend bundles and, once it exists, the backend executable).
FROM node:22-bookworm AS build
WORKDIR /src
COPY package.json package-lock.json ./
# npm install keeps to the lockfile (see README: npm ci rejects this lockfile's Linux-only platform
# packages); the diff check fails the build if the lockfile had to change.
RUN cp package-lock.json /tmp/lock.json && npm install --no-audit --no-fund && cmp -s package-lock.json /tmp/lock.json
COPY . .
RUN npm run build && npm run build:backend --if-present

# Stage 2: Grafana on Ubuntu — the backend is a glibc executable, which the Alpine image cannot run.
FROM grafana/grafana:12.3.0-ubuntu
COPY --from=build --chown=472:0 /src/dist /var/lib/grafana/plugins/appsvc-triage-app
