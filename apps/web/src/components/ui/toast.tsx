import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useI18n } from '../../lib/i18n/i18n-context';

export type ToastTone = 'info' | 'success' | 'error';
export type ToastInput = {
  message: string;
  tone?: ToastTone;
  action?: { label: string; onClick: () => void };
  /** Milliseconds; toasts with an action stay longer so there is time to use it. */
  duration?: number;
};
type Toast = ToastInput & { id: number; tone: ToastTone };

type ToastApi = { show: (toast: ToastInput) => void; dismiss: (id: number) => void };

const ToastContext = createContext<ToastApi | null>(null);

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((toast) => toast.id !== id));
  }, []);

  const show = useCallback(
    (input: ToastInput) => {
      const id = nextId.current++;
      const toast: Toast = { ...input, id, tone: input.tone ?? 'info' };
      setToasts((list) => [...list.slice(-3), toast]);
      const duration =
        input.duration ?? (input.action ? 10_000 : toast.tone === 'error' ? 8_000 : 5_000);
      window.setTimeout(() => dismiss(id), duration);
    },
    [dismiss],
  );

  const api = useMemo(() => ({ show, dismiss }), [show, dismiss]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <section className="toasts" aria-label={t('toast.region')}>
        <div aria-live="polite" aria-relevant="additions text" className="toasts__list">
          {toasts.map((toast) => (
            <div
              key={toast.id}
              className={`toast toast--${toast.tone}`}
              role={toast.tone === 'error' ? 'alert' : 'status'}
              data-testid="toast"
            >
              <p className="toast__message">{toast.message}</p>
              {toast.action && (
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => {
                    toast.action?.onClick();
                    dismiss(toast.id);
                  }}
                >
                  {toast.action.label}
                </button>
              )}
              <button
                type="button"
                className="icon-button"
                aria-label={t('toast.dismiss')}
                onClick={() => dismiss(toast.id)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </div>
          ))}
        </div>
      </section>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const value = useContext(ToastContext);
  if (!value) throw new Error('useToast needs a ToastProvider');
  return value;
}
