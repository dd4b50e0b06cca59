import { fileURLToPath } from 'node:url';
import { vanillaExtractPlugin } from '@vanilla-extract/vite-plugin';
import type { Plugin, PluginOption } from 'vite';

const registry = fileURLToPath(new URL('./src/styles/register-css.ts', import.meta.url));
const CSS_IMPORT = /import\s+(['"])([^'"]+\.vanilla\.css)\1;?/g;

/**
 * vanilla-extract normally emits CSS files that a page links in its <head>;
 * shadow roots cannot see those. This plugin runs after vanilla-extract and
 * turns each `import "x.css.ts.vanilla.css"` into the CSS text (Vite's
 * `?inline`) handed to `registerCss`, so the CSS travels inside the JS chunk
 * of the widget that uses it and ends up in one constructable stylesheet.
 * The same code path runs in tests, Storybook and both builds.
 */
function shadowCss(stylesheet?: string): Plugin {
  // CSS text per module, kept in import order, for the optional stylesheet file.
  const collected = new Map<string, string>();
  return {
    name: 'koubei-shadow-css',
    enforce: 'post',
    transform(code, id) {
      if (stylesheet && /\.vanilla\.css\?inline$/.test(id)) {
        // Vite has already turned the CSS into `export default "<css>"`.
        const literal = /^export default ("(?:[^"\\]|\\.)*")/.exec(code)?.[1];
        if (literal) collected.set(id, JSON.parse(literal) as string);
        return null;
      }
      if (!/\.css\.ts(\?|$)/.test(id) || !code.includes('.vanilla.css')) return null;
      let index = 0;
      const rewritten = code.replace(CSS_IMPORT, (_, quote: string, specifier: string) => {
        const name = `__koubeiCss${index++}`;
        return `import ${name} from ${quote}${specifier}?inline${quote}; __registerCss(${name});`;
      });
      return {
        code: `import { registerCss as __registerCss } from ${JSON.stringify(registry)};\n${rewritten}`,
        map: null,
      };
    },
    generateBundle() {
      if (!stylesheet) return;
      this.emitFile({
        type: 'asset',
        fileName: stylesheet,
        source: [...collected.values()].join('\n'),
      });
    },
  };
}

/**
 * vanilla-extract plus the shadow-root CSS path. With `stylesheet`, the build
 * also writes all CSS to that file (the npm package's `style.css`, for pages
 * that render widgets outside a shadow root).
 */
export function koubeiCss(options: { stylesheet?: string } = {}): PluginOption[] {
  return [vanillaExtractPlugin(), shadowCss(options.stylesheet)];
}
