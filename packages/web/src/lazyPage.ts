// A page in a chunk of its own that renders at once when the chunk has already arrived. React.lazy alone suspends
// on every first render, even for a chunk fetched long before (the boot script and the routes' prefetch start the
// first screen's early); the fallback then shown is kept for React's reveal throttle, about 300 ms more.
import { createElement, lazy, type ComponentType } from 'react';

export interface LazyPage<P extends object = object> {
  /** Starts (or joins) loading the chunk; the page renders without suspending once it has resolved. */
  load: () => Promise<unknown>;
  Component: ComponentType<P>;
}

export function lazyPage<P extends object = object>(
  factory: () => Promise<{ default: ComponentType<P> }>,
): LazyPage<P> {
  let loaded: ComponentType<P> | undefined;
  const load = () =>
    factory().then((module) => {
      loaded = module.default;
      return module;
    });
  const Lazy = lazy(load) as unknown as ComponentType<P>;
  function Component(props: P) {
    return createElement(loaded ?? Lazy, props);
  }
  return { load, Component };
}
