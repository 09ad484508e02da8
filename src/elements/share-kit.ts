/**
 * The share kit's elements (copy button, phone share sheet), part of `Base`'s one script so a
 * guide page still makes a single script request. Every panel works without JavaScript (link,
 * QR code, card); these only add the copy button and the phone's share sheet.
 */
import './copy-button.ts';
import './share-sheet.ts';
