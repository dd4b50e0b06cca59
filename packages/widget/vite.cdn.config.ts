import { fileURLToPath } from 'node:url';
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
          // For profiling (bench/long-tasks.ts): keep function names readable.
          minifyIdentifiers: !process.env.KOUBEI_CDN_KEEP_NAMES,
          format: 'esm',
          target: 'es2022',
          legalComments: 'none',
        });
        chunk.code = result.code;
      }
    },
  };
}

const RUNTIME_ENTRY = fileURLToPath(new URL('./src/cdn/runtime.tsx', import.meta.url));

/**
 * Keeps everything the runtime imports statically inside the runtime chunk.
 * Left alone, the bundler moves modules that widget chunks share with the
 * runtime (Preact, the star graphic, the theme CSS) into chunks of their own,
 * and the star badge would wait for three more requests before painting.
 * The static import graph is read after the module graph is built and before
 * chunks are made, so the list never goes stale. First-paint code imports
 * core through `@koubei/core/first-paint`, a small barrel: following the
 * main barrel would pull every module of core (and valibot) in here.
 */
function firstPaintChunk(): { plugin: Plugin; isFirstPaint: (id: string) => boolean } {
  const firstPaint = new Set<string>();
  return {
    isFirstPaint: (id) => firstPaint.has(id),
    plugin: {
      name: 'koubei-first-paint-chunk',
      buildEnd() {
        const visit = (id: string) => {
          if (firstPaint.has(id)) return;
          firstPaint.add(id);
          for (const imported of this.getModuleInfo(id)?.importedIds ?? []) visit(imported);
        };
        visit(RUNTIME_ENTRY);
      },
    },
  };
}

const firstPaint = firstPaintChunk();

/**
 * Names each widget's lazily loaded chunk after its folder
 * (`widget-ReviewForm-[hash].js`), so size reports, benchmarks and a shop's
 * network panel say which widget a file belongs to.
 */
function widgetChunkFileName(chunk: { facadeModuleId: string | null; name: string }): string {
  const widget = /\/src\/(\w+)\/chunk\.tsx$/.exec(chunk.facadeModuleId ?? '')?.[1];
  return widget ? `widget-${widget}-[hash].js` : '[name]-[hash].js';
}

/**
 * The script-tag build: `dist/cdn/koubei.js` (the loader, a classic script
 * with no static imports) and its lazily imported chunks beside it, so the
 * folder can be served from any CDN as is.
 */
export default defineConfig({
  plugins: [koubeiCss(), minifyChunks(), firstPaint.plugin],
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
    rolldownOptions: {
      preserveEntrySignatures: false,
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: widgetChunkFileName,
        codeSplitting: {
          groups: [
            // The bundler's own helpers (module namespaces) go with the runtime, or
            // they become one more request before the first paint.
            {
              name: 'runtime',
              test: (id: string) => firstPaint.isFirstPaint(id) || id.startsWith('\0rolldown/'),
              priority: 10,
            },
          ],
        },
      },
    },
  },
});
