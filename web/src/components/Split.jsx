// Two panes with a draggable (and keyboard-movable) divider. The first
// pane's share is kept in localStorage under storageKey.
import { useCallback, useRef, useState } from 'react';

function loadShare(key, fallback) {
  try {
    const v = Number(window.localStorage.getItem(`gavel.v1.split:${key}`));
    return v > 0 && v < 100 ? v : fallback;
  } catch {
    return fallback;
  }
}

export default function Split({ direction = 'horizontal', initial = 50, min = 20, max = 80, storageKey, label, children }) {
  const [share, setShare] = useState(() => (storageKey ? loadShare(storageKey, initial) : initial));
  const box = useRef(null);
  const horizontal = direction === 'horizontal';

  const commit = useCallback(
    (v) => {
      const c = Math.max(min, Math.min(max, v));
      setShare(c);
      if (storageKey) {
        try {
          window.localStorage.setItem(`gavel.v1.split:${storageKey}`, String(c));
        } catch {
          /* ignore */
        }
      }
    },
    [min, max, storageKey],
  );

  const onPointerDown = (e) => {
    e.preventDefault();
    const el = e.currentTarget;
    el.setPointerCapture?.(e.pointerId);
    const rect = box.current.getBoundingClientRect();
    const move = (ev) => {
      const pos = horizontal ? (ev.clientX - rect.left) / rect.width : (ev.clientY - rect.top) / rect.height;
      commit(pos * 100);
    };
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
      document.body.style.cursor = '';
      document.body.style.userSelect = '';
    };
    document.body.style.cursor = horizontal ? 'col-resize' : 'row-resize';
    document.body.style.userSelect = 'none';
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
  };

  const onKeyDown = (e) => {
    const dec = horizontal ? 'ArrowLeft' : 'ArrowUp';
    const inc = horizontal ? 'ArrowRight' : 'ArrowDown';
    const step = e.shiftKey ? 10 : 2;
    if (e.key === dec) commit(share - step);
    else if (e.key === inc) commit(share + step);
    else if (e.key === 'Home') commit(min);
    else if (e.key === 'End') commit(max);
    else return;
    e.preventDefault();
  };

  const [a, b] = children;
  return (
    <div ref={box} className={`flex min-h-0 min-w-0 flex-1 ${horizontal ? 'flex-row' : 'flex-col'}`}>
      <div className="flex min-h-0 min-w-0 flex-col overflow-hidden" style={{ flexBasis: `${share}%`, flexGrow: 0, flexShrink: 0 }}>
        {a}
      </div>
      <div
        role="separator"
        tabIndex={0}
        aria-label={label || 'Resize'}
        aria-orientation={horizontal ? 'vertical' : 'horizontal'}
        aria-valuenow={Math.round(share)}
        aria-valuemin={min}
        aria-valuemax={max}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
        className={`group relative shrink-0 bg-neutral-800 hover:bg-blue-600 focus:bg-blue-600 focus:outline-none ${
          horizontal ? 'w-1.5 cursor-col-resize' : 'h-1.5 cursor-row-resize'
        }`}
      />
      <div className="flex min-h-0 min-w-0 flex-1 flex-col overflow-hidden">{b}</div>
    </div>
  );
}
