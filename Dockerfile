# The API: on the embedded SQLite store by default, on EventStoreDB with EVENT_STORE=esdb.
# Built in one stage (better-sqlite3 compiles from source, hence the build tools; `npm ci`
# runs `prepare`, which compiles the TypeScript to dist/), run from the next.
FROM node:20-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY events ./events
COPY commands ./commands
COPY projections ./projections
COPY src ./src
COPY client ./client
COPY bin ./bin
COPY openapi ./openapi
COPY web ./web
# npm 10 ignores package.json allowScripts; scarf (a swagger-ui-dist dependency) honours this instead.
RUN SCARF_ANALYTICS=false npm ci && npm prune --omit=dev && npm cache clean --force

FROM node:20-bookworm-slim
WORKDIR /app
COPY --from=build /app ./
ENV PORT=3000 SQLITE_PATH=/data/events.db
# The volume is created owned by the user the service runs as, so it can write there.
RUN mkdir -p /data && chown node:node /data
VOLUME /data
EXPOSE 3000
USER node
# node is PID 1, so the SIGTERM of `docker stop` reaches the service itself. Its flags are those of `npm start`.
CMD ["node", "--max-semi-space-size=32", "dist/src/main.js"]
