/** opencc-js ships its dictionaries as plain ES modules without types: each is one string. */
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
