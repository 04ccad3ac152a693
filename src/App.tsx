/** Placeholder root component; proves the build and e2e harness until the real UI lands. */
export function App() {
  return (
    <main>
      <h1>microsim</h1>
    </main>
  );
}
