/**
 * `application/x-www-form-urlencoded` encoding of one value, byte for byte as `URLSearchParams`
 * serializes it (space as `+`). `encodeURIComponent` differs only in leaving `!'()~` alone and in
 * writing a space as `%20`, so those are fixed up; lone surrogates throw in both.
 */
export function formEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20|[!'()~]/g, (match) =>
    match === '%20' ? '+' : `%${match.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
