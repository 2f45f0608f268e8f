import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '../../../shared/extract/types';
import { formatLocal } from '../../../shared/time/shanghai';

export function ChatTranscript({ messages }: { messages: ChatMessage[] }) {
  const { t } = useTranslation();
  return (
    <ol className="transcript" data-testid="chat-transcript">
      {messages.map((m) => (
        <li key={m.index} className={[m.fromSelf ? 'self' : '', m.malformed ? 'malformed' : ''].join(' ')}>
          <div className="transcript-head">
            <strong>{m.sender || t('chat.unknownSender')}</strong>
            {m.at && <time>{formatLocal(m.at, true)}</time>}
            <span className="muted small">#{m.line}</span>
          </div>
          <div className="transcript-text">{m.text}</div>
        </li>
      ))}
    </ol>
  );
}
