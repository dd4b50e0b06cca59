/** Replaced at build time with the package version (see vite configs). */
declare const __KOUBEI_VERSION__: string;
