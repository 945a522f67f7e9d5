// A modal confirmation (<dialog>, focus kept inside, Escape cancels) before an item is deleted for good.
import { useEffect, useRef } from 'preact/hooks';

export function ConfirmDelete({ text, onConfirm, onCancel }) {
  const dialog = useRef(null);
  useEffect(() => {
    const d = dialog.current;
    d.showModal();
    const cancel = (e) => { e.preventDefault(); onCancel(); };
    d.addEventListener('cancel', cancel);
    return () => { d.removeEventListener('cancel', cancel); if (d.open) d.close(); };
  }, []);
  return (
    <dialog ref={dialog} class="confirm-delete" aria-labelledby="confirm-delete-title">
      <h2 id="confirm-delete-title">Delete this item?</h2>
      <p class="history-text">{text}</p>
      <p class="muted">Its audio is removed from the server for good.</p>
      <div class="row">
        <button type="button" class="danger" onClick={onConfirm}>Delete for good</button>
        <button type="button" class="secondary" onClick={onCancel} autofocus>Cancel</button>
      </div>
    </dialog>
  );
}
