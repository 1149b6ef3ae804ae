import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * boot.ts as an entry of its own, loaded by a module script placed before the app's: module scripts run in
 * document order, so its small graph runs as soon as it arrives and the first requests start while the app's
 * scripts still download and evaluate. (A script in index.html would be merged into the app's entry, which runs
 * only after the vendor chunk.)
 */
function bootFirst(): Plugin {
  return {
    name: 'benpao-boot-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const boot = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.isEntry && c.name === 'boot',
        );
        if (!boot) throw new Error('the boot entry is missing from the bundle');
        return [
          {
            tag: 'script',
            attrs: { type: 'module', crossorigin: true, src: `/${boot.fileName}`, 'data-boot': true },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}

// The server serves dist/ at `/` with a history fallback and the API under `/api` on the same origin.
// In development the Vite server proxies `/api` to the Fastify server.
export default defineConfig(({ isSsrBuild }) => ({
  plugins: isSsrBuild ? [react()] : [react(), bootFirst()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  // The server's render of the first screen (src/ssr.tsx, `vite build --ssr`): one module for Node with the
  // libraries bundled in, since antd's and dayjs's ES files cannot be imported by Node as they are.
  ssr: { noExternal: true },
  // React's and antd's production code in the server's bundle too, whatever NODE_ENV the server runs with.
  ...(isSsrBuild && { define: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
  build: isSsrBuild
    ? {
        outDir: 'dist-ssr',
        emptyOutDir: true,
        copyPublicDir: false,
        target: 'node20',
        sourcemap: false,
        minify: false,
      }
    : {
        outDir: 'dist',
        emptyOutDir: true,
        target: 'es2022',
        sourcemap: false,
        reportCompressedSize: true,
        // The budget is on gzip size of the initial JS (≤ 500 KB; see the report of `vite build`), not raw size.
        chunkSizeWarningLimit: 1200,
        rolldownOptions: {
          input: { index: 'index.html', boot: 'src/boot.ts' },
          output: {
            codeSplitting: {
              groups: [
                // Libraries the first screen needs in one cacheable chunk; whatever only lazy pages use (Form,
                // Table, DatePicker…) stays out of the initial download.
                { name: 'vendor', test: /[\\/]node_modules[\\/]/, tags: ['$initial'] },
              ],
            },
          },
        },
      },
}));
