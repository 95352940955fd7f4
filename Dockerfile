# Build stage: install everything, build the page, server and CLI into dist/.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.app.json tsconfig.node.json vite.config.ts build-web.ts bundle-server.mjs ./
COPY server ./server
COPY web ./web
COPY cli ./cli
RUN npm run build

# Runtime stage: the page and the server, which `npm run build` bundles with its
# dependencies into one file (their licences and its V8 code cache beside it), so no
# node_modules. Both stages run the same Node, whose V8 the code cache is made for.
# package.json says "type": "module".
FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY package.json ./
COPY --from=build /app/dist/server/main.js /app/dist/server/server.cjs /app/dist/server/server.cjs.cache /app/dist/server/burnlink-admin.mjs /app/dist/server/THIRD-PARTY-LICENSES.txt ./dist/server/
# API_TOKENS_FILE's folder, for a volume that burnlink-admin (dist/server/burnlink-admin.mjs) can
# write to as the user the server runs as (docs/OPERATIONS.md, "API tokens").
RUN mkdir /app/tokens && chown node:node /app/tokens
COPY --from=build /app/dist/public ./dist/public
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/server/main.js"]
