export interface Build {
  /** The file whose age stands for the whole build, relative to the repository root. */
  output: string;
  /** Files and folders the build is made from, relative to the repository root. */
  sources: readonly string[];
}

export const BUILDS: { cli: Build; web: Build };

export function newestMtime(path: string): number;

export function buildStale(root: string, build: Build): boolean;
