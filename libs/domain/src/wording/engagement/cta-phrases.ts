import { type Language } from '../core/types';

/**
 * Calls to action that invite a reply, a click or a share. Imperatives in du and ihr forms, as
 * German community posts address their readers; workspaces and channels add their own.
 */
export const DEFAULT_CTA_PHRASES: Record<Language, readonly string[]> = {
  de: [
    'link in bio', 'link im profil', 'mehr erfahren', 'mehr dazu', 'mehr infos', 'jetzt anmelden', 'melde dich an', 'meldet euch an',
    'schreib uns', 'schreibt uns', 'schreib es', 'schreibt es', 'kommentiere', 'kommentiert', 'teile', 'teilt', 'markiere', 'markiert',
    'sag uns', 'sagt uns', 'verrate uns', 'verratet uns', 'lies', 'lest', 'schau vorbei', 'schaut vorbei', 'entdecke', 'entdeckt',
    'sichere dir', 'sichert euch', 'hol dir', 'holt euch', 'bestelle', 'bestellt', 'buche', 'bucht', 'abonniere', 'abonniert',
    'folge uns', 'folgt uns', 'mach mit', 'macht mit', 'stimme ab', 'stimmt ab', 'probier', 'probiert', 'registriere dich',
    'registriert euch', 'jetzt kaufen', 'zum shop', 'sei dabei', 'seid dabei', 'komm vorbei', 'kommt vorbei', 'klick', 'klicke',
    'klickt', 'tippe', 'tippt', 'jetzt lesen', 'jetzt ansehen', 'jetzt entdecken', 'jetzt mitmachen', 'lass uns wissen',
    'lasst uns wissen', 'erzähl uns', 'erzählt uns', 'hinterlasst', 'hinterlasse', 'speichere', 'speichert',
  ],
  en: [
    'link in bio', 'click', 'tap', 'learn more', 'read more', 'find out more', 'sign up', 'register', 'join us', 'join the',
    'comment', 'share', 'tag a friend', 'tag someone', 'let us know', 'tell us', 'check out', 'shop now', 'buy now', 'book now',
    'order now', 'subscribe', 'follow us', 'download', 'try it', 'get yours', 'grab yours', 'vote', 'reply', 'dm us', 'swipe',
    'watch now', 'rsvp', 'apply now', 'save the date', 'don\'t miss', 'drop a', 'save this',
  ],
};
