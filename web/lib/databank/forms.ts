// Which names of each form are lists and which are checkboxes (see formObject).
export const PERSON_FORM = { arrays: ['fieldIds', 'roles', 'offers', 'seeks'], booleans: ['consent'] };
export const GROUP_FORM = { arrays: ['fieldIds'] };
