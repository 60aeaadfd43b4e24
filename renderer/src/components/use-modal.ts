import { useEffect, type RefObject } from 'react';

/**
 * What every modal dialog does: `first` takes the focus when it opens, the focus goes back where
 * it was when it closes, and Escape closes it.
 */
export function useModal(first: RefObject<HTMLElement | null>, onClose: () => void): void {
  useEffect(() => {
    // On open only: the first control takes the focus; on close it goes back where it was.
    const before = document.activeElement as HTMLElement | null;
    first.current?.focus();
    return () => before?.focus();
  }, [first]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
}
