/**
 * What people type, and the page each search must have in its top three.
 * Questions, everyday words, misspellings and names of bodies, as people
 * write them. No current office holder is named: there is no sourced name
 * in the project's facts to search for.
 */
export const searchQueries: [query: string, expected: string][] = [
  // The searches that failed before search understood questions.
  ['how long do I have to ask for a review', '/guides/right-of-review/'],
  ['police officer was rude to me', '/guides/complain-about-the-met/'],
  ['nobody has replied to my complaint', '/guides/keeping-you-informed/'],
  ['easy read', '/easy-read/where-to-complain/'],
  // Questions.
  ['how do I complain about the police', '/where-to-complain/'],
  ['how often should the police update me', '/guides/keeping-you-informed/'],
  ['what happens after I make a complaint', '/guides/how-complaints-are-handled/'],
  ['who can make a complaint', '/guides/complain-about-the-met/'],
  ['how do I complain about the Commissioner', '/guides/complaints-about-the-commissioner/'],
  ['how do I complain about the mayor', '/guides/complaints-about-the-mayor/'],
  ['I work for the police and want to report wrongdoing', '/guides/raising-concerns-as-police-staff/'],
  ['what is Schedule 3', '/guides/how-complaints-are-handled/'],
  ['what if I miss the review deadline', '/guides/right-of-review/'],
  ['when is the last day to ask for a review', '/tools/review-deadline/'],
  ['which police force do I complain to', '/where-to-complain/'],
  ['what does gross misconduct mean', '/glossary/'],
  ['can I get this in large print', '/accessible-formats/'],
  ['can I complain on behalf of my son', '/guides/complain-about-the-met/'],
  ['my complaint was not recorded', '/guides/how-complaints-are-handled/'],
  ['how to contact MOPAC', '/guides/complaints-about-mopac/'],
  // Everyday words.
  ['I was arrested', '/guides/complain-about-the-met/'],
  ['I was stopped and searched', '/guides/complain-about-the-met/'],
  ['rude', '/guides/complain-about-the-met/'],
  ['copper was rude', '/guides/complain-about-the-met/'],
  ['appeal', '/guides/right-of-review/'],
  ['unhappy with the outcome', '/guides/right-of-review/'],
  ['ombudsman', '/guides/complain-about-the-met/'],
  ['whistleblower', '/guides/raising-concerns-as-police-staff/'],
  ['bent copper', '/guides/raising-concerns-as-police-staff/'],
  ['speak up', '/guides/raising-concerns-as-police-staff/'],
  ['no reply', '/guides/keeping-you-informed/'],
  ['they ignored my complaint', '/guides/keeping-you-informed/'],
  ['braille', '/accessible-formats/'],
  ['write a letter to complain', '/tools/complaint-letter/'],
  ['vexatious', '/guides/unreasonable-contact/'],
  ['police watchdog', '/guides/complain-about-the-met/'],
  ['survey', '/guides/complainant-survey/'],
  ['action plan progress', '/action-plan/'],
  ['28 days', '/guides/keeping-you-informed/'],
  ['outcome letter', '/guides/right-of-review/'],
  // Names of bodies, places and roles.
  ['IOPC', '/guides/complain-about-the-met/'],
  ['Scotland Yard', '/guides/complain-about-the-met/'],
  ['complaint about a PCSO', '/guides/complain-about-the-met/'],
  ['Met', '/guides/complain-about-the-met/'],
  ['Commissioner', '/guides/complaints-about-the-commissioner/'],
  ['Deputy Mayor for Policing and Crime', '/guides/complaints-about-the-mayor/'],
  ['MOPAC staff', '/guides/complaints-about-mopac/'],
  ['City Hall', '/guides/complaints-about-mopac/'],
  ['British Transport Police', '/where-to-complain/'],
  ['Reward and Resolution', '/guides/reward-and-resolution-2009/'],
  // Misspellings.
  ['reveiw', '/guides/right-of-review/'],
  ['comissioner', '/guides/complaints-about-the-commissioner/'],
  ['whistelblowing', '/guides/raising-concerns-as-police-staff/'],
  ['acessible formats', '/accessible-formats/'],
  ['complant about the polise', '/guides/complain-about-the-met/'],
  ['ombudsmen', '/guides/complain-about-the-met/'],
];
