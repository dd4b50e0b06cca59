import { transform } from 'esbuild';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';
import { koubeiCss } from './vite-koubei-css.ts';
import pkg from './package.json' with { type: 'json' };

/** Library mode leaves ES output unminified (whitespace); a CDN build wants every byte gone. */
function minifyChunks(): Plugin {
  return {
    name: 'koubei-minify-chunks',
    enforce: 'post',
    async generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const result = await transform(chunk.code, {
          minify: true,
          format: 'esm',
          target: 'es2022',
          legalComments: 'none',
        });
        chunk.code = result.code;
      }
    },
  };
}

/**
 * The script-tag build: `dist/cdn/koubei.js` (the loader, a classic script
 * with no static imports) and its lazily imported chunks beside it, so the
 * folder can be served from any CDN as is.
 */
export default defineConfig({
  plugins: [koubeiCss(), minifyChunks()],
  resolve: { conditions: ['koubei-source'] },
  define: { __KOUBEI_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    // Syntax lowering and minifying happen once, in minifyChunks (es2022);
    // Vite's own pass would undo the whitespace minification in library mode.
    target: 'esnext',
    minify: false,
    // CSS travels inside the JS chunks as text; minify it there.
    cssMinify: 'esbuild',
    // minifyChunks rewrites the code after maps are made; no maps rather than wrong ones.
    sourcemap: false,
    // Library mode, because an app build wraps every import() in a preload
    // helper that adds bytes to the loader, <link> tags to the host page and
    // `import.meta`, which a classic <script> cannot parse.
    lib: { entry: { koubei: 'src/cdn/loader.ts' }, formats: ['es'] },
    rollupOptions: {
      preserveEntrySignatures: false,
      output: {
        // Library mode keeps whitespace for ES output; a CDN build wants it gone.
        entryFileNames: '[name].js',
        chunkFileNames: '[name]-[hash].js',
      },
    },
  },
});
