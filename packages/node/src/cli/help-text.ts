/** The `--help` text. */
export const HELP_TEXT = `xinghuo: chat with iFlytek Spark (讯飞星火) from the terminal

Usage:
  xinghuo chat [options]              interactive chat (/help inside for commands)
  xinghuo ask [options] "question"    one streamed answer; reads the question from stdin when piped
  xinghuo models [--json]             the model registry
  xinghuo sign <model> [--json]       print a signed URL (debugging; it is a credential for ~5 minutes)
  xinghuo doctor                      check credentials, connectivity and clock skew (over HTTP:
                                      the HTTP password, with one one-token request)

Options:
  -m, --model <id>          model id or alias (default: SPARK_MODEL or lite); with --model-url,
                            the domain of that endpoint
      --model-url <url>     a ws(s):// endpoint not in \`xinghuo models\` (SPARK_MODEL_URL)
  -s, --system <text>       system message
  -t, --temperature <n>     sampling temperature, (0, 1]
      --max-tokens <n>      answer length limit in tokens
      --base-url <url>      replace scheme, host and port of model URLs (SPARK_BASE_URL)
      --protocol <ws|http>  the signed WebSocket (needs the APPID, key and secret) or the
                            OpenAI-compatible HTTP API (SPARK_API_PASSWORD); default SPARK_PROTOCOL,
                            else WebSocket where the model has it
      --proxy <url>         HTTP proxy, e.g. http://proxy:3128 (default: HTTPS_PROXY, HTTP_PROXY
                            or ALL_PROXY, minus NO_PROXY hosts and loopback). Put a proxy password
                            in HTTPS_PROXY, not here: a flag shows in \`ps\` and the shell history
      --mock                use an embedded mock Spark server (no credentials needed)
      --mock-latency <ms>   the mock's delay before each answer frame (default 30)
      --json                machine-readable output (ask, models, sign)
  -h, --help                this help
  -v, --version             the version

Environment: SPARK_APP_ID, SPARK_API_KEY, SPARK_API_SECRET, SPARK_API_PASSWORD, SPARK_PROTOCOL,
SPARK_BASE_URL, SPARK_MODEL, SPARK_MODEL_URL, HTTPS_PROXY / HTTP_PROXY / ALL_PROXY / NO_PROXY.
Exit status: 0 success, 1 request failed, 2 usage error, 130 interrupted.
`;
