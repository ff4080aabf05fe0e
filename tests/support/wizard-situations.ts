/**
 * Things people bring to "Where should my complaint go?", each with the answers
 * a person in that situation would give and the result they must reach. The
 * unit tests walk every one through the engine; tests/build/wizard-walk.test.ts
 * follows every one through the built pages by their links (JavaScript off), and
 * Playwright a few in a browser, with JavaScript on and off.
 * Answers are written "question:answer", as in the wizard's own addresses.
 */
export interface Situation {
  readonly says: string;
  readonly answers: readonly string[];
  readonly result: string;
  /** Words the result must give this person (checked against the result's text in the unit walk). */
  readonly mustSay?: readonly string[];
}

const met = ['urgent:no', 'about:police', 'which-force:met'];
const outcome = ['urgent:no', 'about:existing', 'complaint-stage:outcome'];
const leaders = ['urgent:no', 'about:leaders'];
const existing = ['urgent:no', 'about:existing'];
const submitReview = 'https://policeconduct.gov.uk/complaints/reviews-and-appeals/submit-a-review-appeal';

export const situations: readonly Situation[] = [
  // Danger now
  { says: 'Someone is being attacked in the street right now', answers: ['urgent:yes'], result: 'emergency' },
  { says: 'An officer is hurting someone in front of me now', answers: ['urgent:yes'], result: 'emergency' },

  // Ordinary complaints about the Met
  { says: 'An officer was rude to me at a stop and search', answers: [...met, 'how-serious:no'], result: 'complain-to-the-met' },
  { says: 'I want to complain for my 15-year-old child', answers: [...met, 'how-serious:no'], result: 'complain-to-the-met' },
  { says: 'It happened two years ago', answers: [...met, 'how-serious:no'], result: 'complain-to-the-met' },
  { says: "A dog handler's car was parked across my drive", answers: [...met, 'how-serious:no'], result: 'complain-to-the-met' },
  { says: 'A PCSO was rude to my neighbour', answers: [...met, 'how-serious:no'], result: 'complain-to-the-met' },
  { says: 'A special constable ignored me when I asked for help', answers: [...met, 'how-serious:no'], result: 'complain-to-the-met' },
  { says: 'The police never called me back about my burglary', answers: [...met, 'how-serious:not-sure'], result: 'complain-to-the-met' },
  { says: 'A Met policy on protests affected me', answers: [...met, 'how-serious:no'], result: 'complain-to-the-met' },
  { says: 'Someone died after being restrained by Met officers', answers: [...met, 'how-serious:yes'], result: 'serious-complaint' },
  { says: 'An officer used racist language and hit me', answers: [...met, 'how-serious:yes'], result: 'serious-complaint' },
  { says: 'Officers were rough with me in Hackney, but I do not know which force', answers: ['urgent:no', 'about:police', 'which-force:not-sure', 'where-it-happened:london', 'how-serious:no'], result: 'complain-to-the-met' },

  // Other forces, by the names people use
  { says: 'A British Transport Police officer on the Tube', answers: ['urgent:no', 'about:police', 'which-force:british-transport'], result: 'british-transport-police' },
  { says: 'An officer at a Tube station, I do not know which force', answers: ['urgent:no', 'about:police', 'which-force:not-sure', 'where-it-happened:railway'], result: 'british-transport-police' },
  { says: 'Police on the DLR', answers: ['urgent:no', 'about:police', 'which-force:not-sure', 'where-it-happened:railway'], result: 'british-transport-police' },
  { says: 'An officer in the Square Mile', answers: ['urgent:no', 'about:police', 'which-force:city-of-london'], result: 'city-of-london-police' },
  { says: 'Stopped near Bank station in the City, not sure which force', answers: ['urgent:no', 'about:police', 'which-force:not-sure', 'where-it-happened:city'], result: 'city-of-london-police' },
  { says: 'Kent Police officers on a trip to Margate', answers: ['urgent:no', 'about:police', 'which-force:another'], result: 'another-force' },
  { says: 'Something that happened in Manchester, force unknown', answers: ['urgent:no', 'about:police', 'which-force:not-sure', 'where-it-happened:outside'], result: 'another-force' },

  // A complaint already made
  { says: 'I complained months ago and have heard nothing', answers: ['urgent:no', 'about:existing', 'complaint-stage:waiting'], result: 'ask-for-an-update' },
  { says: 'My outcome letter says MOPAC will review it', answers: [...outcome, 'recorded:yes', 'review-body:mopac'], result: 'review-by-mopac' },
  { says: 'My outcome letter says the IOPC will review it', answers: [...outcome, 'recorded:yes', 'review-body:iopc'], result: 'review-by-iopc' },
  { says: 'My complaint was about a senior officer and the letter does not say who reviews', answers: [...outcome, 'recorded:yes', 'review-body:not-sure', 'iopc-case:yes'], result: 'review-by-iopc' },
  { says: 'A small complaint, recorded, and I lost the letter', answers: [...outcome, 'recorded:yes', 'review-body:not-sure', 'iopc-case:no'], result: 'review-by-mopac' },
  { says: 'I have no letter and cannot tell who reviews it', answers: [...outcome, 'recorded:yes', 'review-body:not-sure', 'iopc-case:not-sure'], result: 'review-body-unknown' },
  { says: 'The Met gave me an apology and did not record my complaint', answers: [...outcome, 'recorded:no'], result: 'ask-to-record' },
  { says: 'I have an outcome but I am not sure if my complaint was recorded', answers: [...outcome, 'recorded:not-sure'], result: 'check-if-recorded' },
  { says: 'I disagree with the IOPC decision on my review', answers: ['urgent:no', 'about:existing', 'complaint-stage:review-decided', 'review-decided-by:iopc'], result: 'after-an-iopc-review' },
  { says: "I am unhappy with MOPAC's review decision", answers: ['urgent:no', 'about:existing', 'complaint-stage:review-decided', 'review-decided-by:mopac'], result: 'after-a-mopac-review' },

  // A decision about a crime, not about police behaviour
  { says: 'The CPS decided not to charge the man who attacked me', answers: ['urgent:no', 'about:decision', 'who-decided:cps'], result: 'cps-right-to-review' },
  { says: 'The CPS dropped the case against my stalker', answers: ['urgent:no', 'about:decision', 'who-decided:cps'], result: 'cps-right-to-review' },
  { says: 'The police took no further action after interviewing the suspect', answers: ['urgent:no', 'about:decision', 'who-decided:police'], result: 'police-right-to-review' },
  { says: 'My case was closed and I do not know who decided', answers: ['urgent:no', 'about:decision', 'who-decided:not-sure'], result: 'right-to-review-not-sure' },

  // Reporting
  { says: 'My bike was stolen last week', answers: ['urgent:no', 'about:report', 'report-what:crime'], result: 'report-a-crime' },
  { says: 'An off-duty officer assaulted me last month', answers: ['urgent:no', 'about:report', 'report-what:crime'], result: 'report-a-crime' },
  { says: 'My sister’s partner is an officer who controls and abuses her, and I want to stay anonymous', answers: ['urgent:no', 'about:report', 'report-what:anonymous'], result: 'report-anonymously' },
  { says: 'I think an officer is selling information to criminals', answers: ['urgent:no', 'about:report', 'report-what:anonymous'], result: 'report-anonymously' },
  { says: 'I am police staff and my manager is fiddling overtime', answers: ['urgent:no', 'about:report', 'report-what:staff'], result: 'raise-a-concern' },
  { says: 'I am an officer and want to go straight to the IOPC', answers: ['urgent:no', 'about:report', 'report-what:staff'], result: 'raise-a-concern' },

  // London's leaders, MOPAC and the Assembly
  { says: 'The Commissioner said something offensive in an interview', answers: [...leaders, 'commissioner-mayor-or-mopac:commissioner'], result: 'complain-about-the-commissioner' },
  { says: 'The Deputy Mayor for Policing and Crime misled a meeting', answers: [...leaders, 'commissioner-mayor-or-mopac:mayor'], result: 'complain-about-the-mayor' },
  { says: 'A member of the Police and Crime Committee was abusive to me', answers: [...leaders, 'commissioner-mayor-or-mopac:assembly-member'], result: 'complain-about-an-assembly-member' },
  { says: 'My London Assembly Member ignored my letters', answers: [...leaders, 'commissioner-mayor-or-mopac:assembly-member'], result: 'complain-about-an-assembly-member' },
  { says: 'MOPAC staff lost my documents', answers: [...leaders, 'commissioner-mayor-or-mopac:mopac', 'mopac-stage:not-yet'], result: 'complain-to-mopac' },
  { says: "I did not like MOPAC's Stage 1 reply", answers: [...leaders, 'commissioner-mayor-or-mopac:mopac', 'mopac-stage:stage-1-reply'], result: 'mopac-stage-2' },
  { says: "I did not like MOPAC's Stage 2 reply", answers: [...leaders, 'commissioner-mayor-or-mopac:mopac', 'mopac-stage:stage-2-reply'], result: 'mopac-stage-3' },

  // Not sure
  { says: 'I do not know what I need', answers: ['urgent:no', 'about:not-sure'], result: 'not-sure' },

  // Issue 22: people the last review found the wizard could still fail
  { says: 'I want to complain for my adult son, who agrees to it', answers: [...met, 'how-serious:no'], result: 'complain-to-the-met', mustSay: ['such as an adult relative, you need their written permission first'] },
  { says: 'I was searched at Oxford Circus Tube station and do not know which force it was', answers: ['urgent:no', 'about:police', 'which-force:not-sure', 'where-it-happened:railway'], result: 'british-transport-police', mustSay: ['Underground'] },
  { says: 'An officer near St Paul’s in the Square Mile was rude, and I do not know the force', answers: ['urgent:no', 'about:police', 'which-force:not-sure', 'where-it-happened:city'], result: 'city-of-london-police', mustSay: ['usually go to the City of London Corporation'] },
  { says: 'An off-duty Met officer shouted abuse at me in a pub', answers: [...met, 'how-serious:no'], result: 'complain-to-the-met', mustSay: ['off duty'] },
  { says: 'A Met officer was rude to me at a football match in Brighton', answers: [...met, 'how-serious:no'], result: 'complain-to-the-met', mustSay: ['even if it happened outside London'] },
  { says: 'My 999 call was handled badly and nobody came', answers: [...met, 'how-serious:not-sure'], result: 'complain-to-the-met', mustSay: ['999 call handlers'] },
  { says: 'The front counter staff at my police station would not take my report', answers: [...met, 'how-serious:no'], result: 'complain-to-the-met', mustSay: ['front counter staff'] },
  { says: 'The Met offers to settle my complaint informally, but I want to keep my right of review', answers: [...existing, 'complaint-stage:informal'], result: 'ask-to-record', mustSay: ['Say so before you agree', 'The Met must record your complaint if you ask'] },
  { says: 'I have had no update on my complaint for six weeks', answers: [...existing, 'complaint-stage:waiting'], result: 'ask-for-an-update', mustSay: ['28 days'] },
  { says: 'MOPAC never answered my email and I want to complain about that', answers: [...leaders, 'commissioner-mayor-or-mopac:mopac', 'mopac-stage:not-yet'], result: 'complain-to-mopac' },
  { says: "MOPAC's Stage 1 answer did not deal with my point", answers: [...leaders, 'commissioner-mayor-or-mopac:mopac', 'mopac-stage:stage-1-reply'], result: 'mopac-stage-2' },
  { says: "MOPAC's Stage 2 investigation got the facts wrong", answers: [...leaders, 'commissioner-mayor-or-mopac:mopac', 'mopac-stage:stage-2-reply'], result: 'mopac-stage-3' },
  { says: 'I am a serving Met officer and saw a colleague change evidence', answers: ['urgent:no', 'about:report', 'report-what:staff'], result: 'raise-a-concern', mustSay: ['You do not have to raise it inside your force first.', 'substantially true'] },
  { says: 'My outcome letter from the Met says to ask the IOPC for a review', answers: [...outcome, 'recorded:yes', 'review-body:iopc'], result: 'review-by-iopc', mustSay: [submitReview, '0300 020 0096 and press 1', 'Do not use the IOPC complaint form', 'must arrive'] },
  { says: 'My British Transport Police outcome letter names the IOPC as the review body', answers: [...existing, 'complaint-stage:another-force'], result: 'follow-up-another-force', mustSay: [submitReview, 'Your outcome letter says which'] },
  { says: 'I have my City of London Police outcome letter and want a review', answers: [...existing, 'complaint-stage:another-force'], result: 'follow-up-another-force', mustSay: ["usually go to the City of London Corporation's Police Authority", 'must arrive'] },
  { says: 'Kent Police have my complaint and have not replied for weeks', answers: [...existing, 'complaint-stage:another-force'], result: 'follow-up-another-force', mustSay: ['contact the person dealing with your complaint'] },
  { says: 'I lost my outcome letter and cannot remember who reviews it', answers: [...outcome, 'recorded:yes', 'review-body:not-sure', 'iopc-case:not-sure'], result: 'review-body-unknown', mustSay: [submitReview, 'This rule does not cover the Met'] },
  { says: 'The case against the man who hit me was dropped and nobody said who decided', answers: ['urgent:no', 'about:decision', 'who-decided:not-sure'], result: 'right-to-review-not-sure' },
  { says: 'I saw a video on social media of Met officers hitting a man', answers: [...met, 'how-serious:yes'], result: 'serious-complaint', mustSay: ['social media or the news may not be enough'] },
  { says: 'I watched officers push an old man over at a protest', answers: [...met, 'how-serious:no'], result: 'complain-to-the-met', mustSay: ['if you saw it happen yourself'] },
  { says: "The Met's policy of not coming out to shoplifting has hurt my shop", answers: [...met, 'how-serious:no'], result: 'complain-to-the-met', mustSay: ['Met service or policy'] },
];

/** The answer ids alone, ready for the engine's `walk`. */
export const answerIdsOf = (situation: Situation): string[] => situation.answers.map((pair) => pair.split(':')[1]!);
