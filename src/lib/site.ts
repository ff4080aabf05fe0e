/** Facts about the service used in page chrome. */
export const serviceName = 'Police complaints in London';

/** "Page - Service name", or the service name alone for the home page. */
export function pageTitle(title: string | undefined): string {
  return title && title !== serviceName ? `${title} - ${serviceName}` : serviceName;
}

export interface Crumb {
  label: string;
  href: string;
}

export const footerLinks: readonly Crumb[] = [
  { label: 'Accessibility statement', href: '/accessibility/' },
  { label: 'Privacy', href: '/privacy/' },
  { label: 'Contact us', href: '/contact/' },
  { label: 'Accessible formats', href: '/accessible-formats/' },
];
