import type { Source } from '../schemas/guide.ts';

/**
 * The sources for the review deadline and where to send a review request, listed on the two
 * review tools (the calculator and the letter builder). FACTS.md sections 1, 3, 8 and 12.
 */
export const reviewToolSources: readonly Source[] = [
  { title: 'Police (Complaints and Misconduct) Regulations 2020, regulation 29 (28 days starting with the day after), current text', url: 'https://www.legislation.gov.uk/uksi/2020/2/regulation/29', accessed: '2026-12-01' },
  { title: 'IOPC, Appeals and reviews form (28 days from the day after the date on the outcome letter; the IOPC must receive it by then; give reasons if late)', url: 'https://iopc-appeals.egressforms.com/', accessed: '2026-12-01' },
  { title: 'IOPC, Submit a review (the review form, and reviews by phone on 0300 020 0096, press 1)', url: 'https://policeconduct.gov.uk/complaints/reviews-and-appeals/submit-a-review-appeal', accessed: '2026-12-01' },
  { title: 'IOPC, Submit a complaint (this form sends what you write to the police force, so it is not for reviews)', url: 'https://policeconduct.gov.uk/complaints/submit-a-complaint', accessed: '2026-12-01' },
  { title: 'MOPAC, Application for a Complaint Outcome Review', url: 'https://www.london.gov.uk/programmes-strategies/mayors-office-policing-and-crime/about-mayors-office-policing-and-crime-mopac/mopac-complaints/application-complaint-outcome-review', accessed: '2026-11-23' },
  { title: 'Policing and Crime Act 2017, Schedule 5, paragraph 41 (a request sent to the wrong one of MOPAC and the IOPC is passed on)', url: 'https://www.legislation.gov.uk/ukpga/2017/3/schedule/5/paragraph/41', accessed: '2020-02-01' },
  { title: 'West Midlands Police and Crime Commissioner, complaint reviews (a letter dated 1 April must be received by 29 April)', url: 'https://westmidlands-pcc.gov.uk/?p=28429', accessed: '2026-11-23' },
  { title: 'Essex Police, Unhappy with a complaint outcome (late requests and exceptional circumstances)', url: 'https://www.essex.police.uk/fo/feedback/complaints/unhappy-complaint-outcome/', accessed: '2026-11-23' },
  { title: 'UK bank holidays (GOV.UK), England and Wales', url: 'https://www.gov.uk/bank-holidays', accessed: '2026-11-23' },
  { title: 'S.I. 2025/558, which amended the 2020 Complaints Regulations from 28 May 2025 (what it changed is not confirmed)', url: 'https://www.legislation.gov.uk/uksi/2025/558/regulation/66/made', accessed: '2026-12-01' },
];
