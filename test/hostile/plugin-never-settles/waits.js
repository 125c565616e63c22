export default function waits() {
  return () => new Promise(() => {});
}
