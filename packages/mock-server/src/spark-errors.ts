/** A frame-level error: Spark's numeric code and its `ErrorClass:detail` message. */
export interface SparkErrorFrameSpec {
  code: number;
  message: string;
}

/** Error class names the mock uses in `header.message` for each code it can emit by default. */
const ERROR_CLASS: Record<number, string> = {
  10003: 'MessageFormatError',
  10004: 'SchemaError',
  10005: 'ParamValueError',
  10006: 'UserConcurrencyError',
  10007: 'TrafficLimitError',
  10008: 'ServiceCapacityError',
  10010: 'RecvFromEngineError',
  10012: 'EngineInternalError',
  10013: 'InputAuditError',
  10014: 'OutputAuditError',
  10019: 'AuditTendencyError',
  10110: 'ServiceBusyError',
  10163: 'EngineParamsError',
  10222: 'AbnormalNetworkError',
  10907: 'TokenLimitError',
  11200: 'AppIdNoAuthError',
  11201: 'AppIdDailyLimitError',
  11202: 'AppIdQpsLimitError',
  11203: 'AppIdConcurrencyLimitError',
};

const DEFAULT_DETAIL: Record<number, string> = {
  10007: 'the service is still answering the previous request on this connection',
  10010: 'Engine Busy',
  10012: 'The system is busy, please try again later.',
  10013: 'input content did not pass moderation',
  10014: 'output content did not pass moderation',
  10110: 'service busy, please try again later',
  10222: 'rpc error: code = Unavailable desc = mock engine unavailable',
  11200: 'tokens.total',
  11201: 'daily limit exceeded',
  11202: 'qps limit exceeded',
  11203: 'concurrency limit exceeded',
};

/** Builds `{code, message}` with the mock's error class for `code`, e.g. `TokenLimitError:…` for 10907. */
export function sparkError(code: number, detail?: string): SparkErrorFrameSpec {
  const errorClass = ERROR_CLASS[code] ?? 'MockError';
  return { code, message: `${errorClass}:${detail ?? DEFAULT_DETAIL[code] ?? 'scripted error'}` };
}
