/**
 * What the README examples may use without declaring it, per README.
 *
 * Examples are written as excerpts: a later block keeps using the `client` an earlier block created,
 * and application code (`isLoggedIn`, `getSession`) is left to the reader. Each name listed here becomes
 * `declare const <name>: <type>;` (a JSDoc-typed constant in JavaScript blocks) at the top of every block
 * of that README that does not declare the name itself. Keep the lists short: an example that can
 * import what it uses should import it. A name listed here runs only if `docs-run-preludes.ts` gives
 * it a value; otherwise its examples are compile-only.
 */
export interface ReadmePrelude {
  /** Names the examples use but do not declare, with their types. */
  readonly declarations?: Readonly<Record<string, string>>;
  /**
   * Modules of the reader's own application that examples import, by the specifier used in the
   * README (resolved from the README's example folder), with their declarations.
   */
  readonly modules?: Readonly<Record<string, string>>;
}

const nodeClient = "import('@xinghuo/node').SparkClient";
const chatMessages = "import('@xinghuo/core').ChatMessage[]";

/** Per README path, relative to the repository root. */
export const readmePreludes: Readonly<Record<string, ReadmePrelude>> = {
  'packages/core/README.md': {
    declarations: {
      client: "import('@xinghuo/core').SparkClient",
      messages: chatMessages,
      render: '(text: string) => void',
      userPressedStop: 'boolean',
      appId: 'string',
      myServerSigner: "import('@xinghuo/core').SignUrlProvider",
      myTransport: "import('@xinghuo/core').SparkTransport",
      expect: "typeof import('vitest').expect",
    },
  },
  'packages/node/README.md': {
    declarations: {
      client: nodeClient,
      messages: chatMessages,
      isLoggedIn: '(cookie: string | null) => Promise<boolean>',
      credentials: '{ appId: string; apiKey: string; apiSecret: string }',
      checkSession: '(request: Request) => Promise<boolean>',
      auth: '(request: Request) => Promise<{ userId: string } | null>',
      Deno: '{ serve(handler: (request: Request, info: { remoteAddr: { hostname: string } }) => Promise<Response>): unknown }',
    },
  },
  'packages/browser/README.md': {
    declarations: {
      output: 'HTMLElement',
      sessionToken: 'string',
      getSession: '(request: Request) => Promise<{ userId: string } | null>',
    },
  },
  'packages/langchain/README.md': {
    declarations: {
      model: "import('@xinghuo/langchain').ChatSpark",
      enough: 'boolean',
      getWeather: "import('@langchain/core/tools').StructuredTool",
    },
  },
  'packages/mock-server/README.md': {
    declarations: {
      mock: "import('@xinghuo/mock-server').MockSpark",
    },
    modules: {
      '../src/summarize.js':
        "export declare function summarize(client: import('@xinghuo/node').SparkClient, text: string): Promise<string>;",
    },
  },
};

/**
 * Third-party modules that examples import but the repository does not depend on, with the
 * declarations that stand in for their types (an empty string declares an untyped module). They take
 * precedence over whatever copy a transitive dependency happens to install, so the check does not
 * depend on it.
 */
export const thirdPartyModules: Readonly<Record<string, string>> = {
  express: '',
};
