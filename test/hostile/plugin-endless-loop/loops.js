export default function loops() {
  return (tree, file) => {
    if (file.path.includes('/en/')) for (;;) {}
  };
}
