// Component tests run in jsdom, which has no window.matchMedia; Naive UI's popups ask it whether
// the pointer is coarse. Answer as a desktop does: no query matches.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList
}

// jsdom lays nothing out, so it cannot scroll; Naive UI's option lists scroll to the chosen option.
if (!Element.prototype.scrollTo) Element.prototype.scrollTo = () => undefined
