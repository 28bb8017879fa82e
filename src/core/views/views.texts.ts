// Every text the shared layout, form fields, components and error pages show.
import { defineTexts } from '../i18n/i18n.js';

export const viewTexts = defineTexts({
  da: {
    'core.siteName': 'Samskab',
    'core.skipLink': 'Gå til sidens indhold',
    'core.homeLink': 'til forsiden',
    'core.mainNav': 'Hovedmenu',
    'core.account': 'Min side',
    'core.signIn': 'Log ind',
    'core.signOut': 'Log af',
    'core.register': 'Opret bruger',
    'core.languageNav': 'Sprog',
    'core.language.da': 'Dansk',
    'core.language.en': 'English',
    'core.breadcrumbs': 'Brødkrumme',

    'core.footer.aboutText':
      'Samskab er en åben platform, hvor kommuner, borgere og foreninger skaber løsninger sammen og deler det, der virker.',
    'core.footer.linksHeading': 'Om løsningen',
    'core.footer.about': 'Om Samskab',
    'core.footer.network': 'Kommunernes netværk',
    'core.footer.accessibility': 'Tilgængelighedserklæring',
    'core.footer.devOutbox': 'Udviklerpost (sendte e-mails)',
    'core.footer.municipalityHeading': 'Ansvarlig myndighed',

    'core.alert.success': 'Udført:',
    'core.alert.info': 'Information:',
    'core.alert.warning': 'Advarsel:',
    'core.alert.error': 'Fejl:',

    'core.errorPrefix': 'Fejl:',
    'core.errorSummaryTitle': '{count, plural, one {Der er et problem} other {Der er # problemer}}',
    'core.errorSummaryText': 'Ret {count, plural, one {fejlen} other {fejlene}} herunder, og send formularen igen.',
    'core.optional': '(valgfrit)',
    'core.selectPlaceholder': 'Vælg',

    'core.pagination': 'Sideinddeling',
    'core.pagination.previous': 'Forrige',
    'core.pagination.next': 'Næste',
    'core.pagination.previousPage': 'Forrige side',
    'core.pagination.nextPage': 'Næste side',
    'core.pagination.page': 'Side {page}',
    'core.pagination.status': 'Side {page} af {total}',

    'core.outbox.title': 'Udviklerpost',
    'core.outbox.lead': 'De e-mails, systemet har sendt, med de nyeste først. Siden findes kun under udvikling.',
    'core.outbox.empty': 'Der er ikke sendt nogen e-mails endnu.',
    'core.outbox.meta': 'Til {to} · sendt {sent}',

    'core.error.code': 'Fejlkode: {status}',
    'core.error.home': 'Gå til forsiden',
    'core.error.400.title': 'Forespørgslen kunne ikke behandles',
    'core.error.400.text':
      'Der var noget i forespørgslen, som vi ikke kunne forstå. Gå tilbage og prøv igen. Hvis det ikke hjælper, så start forfra fra forsiden.',
    'core.error.401.title': 'Du skal logge ind',
    'core.error.401.text': 'Log ind for at se siden eller gennemføre handlingen. Har du ikke en bruger, kan du oprette en.',
    'core.error.403.title': 'Handlingen blev afvist',
    'core.error.403.text':
      'Enten har du ikke adgang, eller også er formularen udløbet. Hvis du var ved at udfylde en formular, så gå tilbage, genindlæs siden og prøv igen. Er du ikke logget ind, så log ind først.',
    'core.error.404.title': 'Siden blev ikke fundet',
    'core.error.404.text':
      'Siden findes ikke, eller den er flyttet. Tjek, at adressen er skrevet rigtigt, eller find det, du leder efter, fra forsiden.',
    'core.error.405.title': 'Siden kan ikke bruges på den måde',
    'core.error.405.text': 'Handlingen er ikke mulig på denne adresse. Gå tilbage og brug knapperne og linkene på siden.',
    'core.error.409.title': 'Der er sket en ændring i mellemtiden',
    'core.error.409.text':
      'Det, du forsøgte at ændre, er blevet ændret af en anden, eller også er det allerede sket. Gå tilbage, genindlæs siden for at se den nyeste udgave, og prøv igen.',
    'core.error.413.title': 'Det, du sendte, er for stort',
    'core.error.413.text': 'Filen eller teksten er større, end vi kan modtage. Gå tilbage, gør den mindre og prøv igen.',
    'core.error.415.title': 'Formatet understøttes ikke',
    'core.error.415.text': 'Vi kan ikke modtage indhold i det format, du sendte. Gå tilbage og prøv igen med en anden filtype.',
    'core.error.422.title': 'Oplysningerne kunne ikke godkendes',
    'core.error.422.text': 'Nogle af oplysningerne er ikke udfyldt korrekt. Gå tilbage, ret dem og prøv igen.',
    'core.error.429.title': 'For mange forsøg',
    'core.error.429.text': 'Du har prøvet for mange gange på kort tid. Vent et par minutter, og prøv så igen.',
    'core.error.500.title': 'Der opstod en fejl hos os',
    'core.error.500.text':
      'Det er ikke din skyld, og fejlen er registreret. Prøv igen om lidt. Hvis problemet fortsætter, så kontakt din kommune.',
  },
  en: {
    'core.siteName': 'Samskab',
    'core.skipLink': 'Skip to main content',
    'core.homeLink': 'home page',
    'core.mainNav': 'Main menu',
    'core.account': 'My page',
    'core.signIn': 'Sign in',
    'core.signOut': 'Sign out',
    'core.register': 'Create account',
    'core.languageNav': 'Language',
    'core.language.da': 'Dansk',
    'core.language.en': 'English',
    'core.breadcrumbs': 'Breadcrumb',

    'core.footer.aboutText':
      'Samskab is an open platform where municipalities, residents and associations create solutions together and share what works.',
    'core.footer.linksHeading': 'About this service',
    'core.footer.about': 'About Samskab',
    'core.footer.network': 'The municipalities’ network',
    'core.footer.accessibility': 'Accessibility statement',
    'core.footer.devOutbox': 'Developer outbox (sent e-mails)',
    'core.footer.municipalityHeading': 'Responsible authority',

    'core.alert.success': 'Success:',
    'core.alert.info': 'Information:',
    'core.alert.warning': 'Warning:',
    'core.alert.error': 'Error:',

    'core.errorPrefix': 'Error:',
    'core.errorSummaryTitle': '{count, plural, one {There is a problem} other {There are # problems}}',
    'core.errorSummaryText': 'Correct the {count, plural, one {error} other {errors}} below and submit the form again.',
    'core.optional': '(optional)',
    'core.selectPlaceholder': 'Choose',

    'core.pagination': 'Pagination',
    'core.pagination.previous': 'Previous',
    'core.pagination.next': 'Next',
    'core.pagination.previousPage': 'Previous page',
    'core.pagination.nextPage': 'Next page',
    'core.pagination.page': 'Page {page}',
    'core.pagination.status': 'Page {page} of {total}',

    'core.outbox.title': 'Developer outbox',
    'core.outbox.lead': 'The e-mails the system has sent, newest first. This page exists only in development.',
    'core.outbox.empty': 'No e-mails have been sent yet.',
    'core.outbox.meta': 'To {to} · sent {sent}',

    'core.error.code': 'Error code: {status}',
    'core.error.home': 'Go to the front page',
    'core.error.400.title': 'The request could not be processed',
    'core.error.400.text':
      'Something in the request did not make sense to us. Go back and try again. If that does not help, start again from the front page.',
    'core.error.401.title': 'You need to sign in',
    'core.error.401.text': 'Sign in to see this page or complete the action. If you do not have an account, you can create one.',
    'core.error.403.title': 'The request was refused',
    'core.error.403.text':
      'Either you do not have access, or the form has expired. If you were filling in a form, go back, reload the page and try again. If you are not signed in, sign in first.',
    'core.error.404.title': 'Page not found',
    'core.error.404.text':
      'The page does not exist or has moved. Check that the address is spelt correctly, or find what you are looking for from the front page.',
    'core.error.405.title': 'The page cannot be used that way',
    'core.error.405.text': 'That action is not possible at this address. Go back and use the buttons and links on the page.',
    'core.error.409.title': 'Something changed in the meantime',
    'core.error.409.text':
      'What you tried to change has been changed by someone else, or it has already happened. Go back, reload the page to see the latest version, and try again.',
    'core.error.413.title': 'What you sent is too large',
    'core.error.413.text': 'The file or text is larger than we can accept. Go back, make it smaller and try again.',
    'core.error.415.title': 'Format not supported',
    'core.error.415.text': 'We cannot accept content in the format you sent. Go back and try again with a different file type.',
    'core.error.422.title': 'The information could not be accepted',
    'core.error.422.text': 'Some of the information is not filled in correctly. Go back, correct it and try again.',
    'core.error.429.title': 'Too many attempts',
    'core.error.429.text': 'You have tried too many times in a short while. Wait a few minutes, then try again.',
    'core.error.500.title': 'Something went wrong on our side',
    'core.error.500.text':
      'It is not your fault, and the error has been logged. Try again in a moment. If the problem continues, contact your municipality.',
  },
});
