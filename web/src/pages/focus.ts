/** An attachment that moves focus to an element when it appears (a new step's heading). */
export function focusOnMount(element: HTMLElement): void {
  element.focus();
}
