export default function throws() {
  return () => {
    throw new TypeError('cannot read this chapter');
  };
}
