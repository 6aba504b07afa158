export default function Header({ children }) {
  return (
    <header className="flex h-12 shrink-0 items-center gap-4 border-b border-neutral-800 bg-neutral-900 px-4">
      <a href="#/" className="flex items-center gap-2 font-semibold tracking-wide text-neutral-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500 rounded">
        <span aria-hidden="true" className="text-amber-400">⚖</span> Gavel
      </a>
      <a href="#/" className="text-sm text-neutral-400 hover:text-neutral-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500 rounded">Problems</a>
      <div className="flex flex-1 items-center justify-end gap-2">{children}</div>
    </header>
  );
}

