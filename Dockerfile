# Stage 1 builds the plugin: frontend bundles and the backend single executables.
FROM node:22-bookworm AS build
WORKDIR /src
COPY package.json package-lock.json ./
# npm install keeps to the locked versions (npm ci rejects this lockfile: it records only the Linux
# builds of platform-specific packages, see README); against the full registry it may add the
# other platforms' entries, which is harmless here.
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build && npm run build:backend

# Stage 2: Grafana on Ubuntu — the backend is a glibc executable, which the Alpine image cannot run.
FROM grafana/grafana:12.3.0-ubuntu
COPY --from=build --chown=472:0 /src/dist /var/lib/grafana/plugins/appsvc-triage-app
