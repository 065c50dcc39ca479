// The dashboard's build: `npm run build:web` writes web/dist, which `sitrep serve` serves. No
// inline script or style is emitted (the server's CSP allows neither), and no request leaves the
// origin: the basemap is a world-atlas file copied into dist.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  build: {
    outDir: process.env.SITREP_WEB_OUT ?? "dist",
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 400,
  },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
