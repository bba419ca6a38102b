# One image per OpsDesk component: docker build --target host-exporter|transfer-exporter|flow-exporter|demo|server .
FROM node:20-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /opsdesk
COPY . .
RUN npm ci --no-audit --no-fund && npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
WORKDIR /opsdesk
COPY --from=build /opsdesk/package.json /opsdesk/package-lock.json ./
COPY --from=build /opsdesk/node_modules ./node_modules
COPY --from=build /opsdesk/lib ./lib
COPY --from=build /opsdesk/exporters ./exporters
COPY --from=build /opsdesk/server ./server
COPY --from=build /opsdesk/demo ./demo
USER node

FROM runtime AS host-exporter
EXPOSE 9741
ENTRYPOINT ["/opsdesk/exporters/host/bin/opsdesk-host-exporter.js"]
CMD ["--config", "/etc/opsdesk/host.yml"]

FROM runtime AS transfer-exporter
EXPOSE 9742
ENTRYPOINT ["/opsdesk/exporters/transfer/bin/opsdesk-transfer-exporter.js"]
CMD ["--config", "/etc/opsdesk/channels.yml"]

FROM runtime AS flow-exporter
EXPOSE 9743
ENTRYPOINT ["/opsdesk/exporters/flow/bin/opsdesk-flow-exporter.js"]
CMD ["--config", "/etc/opsdesk/flows.yml"]

FROM runtime AS demo
EXPOSE 9750
ENTRYPOINT ["node", "/opsdesk/demo/bin/opsdesk-demo.js"]

FROM runtime AS server
EXPOSE 9744
# a SQLite file by default; OPSDESK_DATABASE=postgres://… for PostgreSQL
ENV OPSDESK_DATABASE=/data/opsdesk.db
ENTRYPOINT ["node", "/opsdesk/server/bin/opsdesk-server.js"]
CMD ["--config", "/etc/opsdesk/server.yml"]
