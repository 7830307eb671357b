# Stage 1 builds the plugin: frontend bundles and the backend single executables.
FROM node:22-bookworm AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm run build:backend

# Stage 2: Grafana on Ubuntu — the backend is a glibc executable, which the Alpine image cannot run.
FROM grafana/grafana:12.3.0-ubuntu
COPY --from=build --chown=472:0 /src/dist /var/lib/grafana/plugins/appsvc-triage-app
