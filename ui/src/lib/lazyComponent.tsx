import { type ComponentType, lazy, type ReactNode, Suspense, useState } from "react";

export type LazyComponent<P> = ComponentType<P> & {
  /** Starts loading the component's chunk (once); resolves when it can render synchronously. */
  preload(): Promise<unknown>;
};

/**
 * A component kept out of the first screen's JavaScript: its module is a chunk of its own, loaded
 * when it is first rendered or preloaded. Once loaded it renders synchronously, so a screen
 * preloaded after the first paint never flashes `fallback` and its page can move focus on open.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode,
): LazyComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    pending ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        // A chunk that failed to load is asked for again next time.
        pending = null;
        throw error;
      },
    );
    return pending;
  };
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));

  function Deferred(props: P) {
    // Decided once per mount: swapping the lazy wrapper for the loaded component would remount it.
    const [Loaded] = useState(() => loaded);
    if (Loaded) return <Loaded {...props} />;
    return (
      <Suspense fallback={fallback}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return Object.assign(Deferred, { preload });
}
