/**
 * The tables of the HSDS 3.0 tabular data package, as the specification's
 * `datapackage.json` lists them (resource name, file, fields in order, field
 * types and formats, required fields, foreign keys). Kept here in short form
 * because the app ships without the specification; a test compares it with
 * the specification's own file field by field.
 *
 * A field is `name[:kind][!]`: kind is a string format (uuid, email, uri)
 * or a Table Schema type (number, date, datetime, time); `!` = required.
 */
const SPEC_TABLES = [
  {
    name: 'organization',
    path: 'organizations.csv',
    fields:
      'id:uuid! name! alternate_name description! email:email website:uri tax_status tax_id year_incorporated:number legal_status logo uri:uri parent_organization_id:uuid',
    foreignKeys: {},
  },
  {
    name: 'program',
    path: 'programs.csv',
    fields: 'id:uuid! organization_id:uuid! name! alternate_name description!',
    foreignKeys: { organization_id: 'organization' },
  },
  {
    name: 'service',
    path: 'services.csv',
    fields:
      'id:uuid! organization_id:uuid! program_id:uuid name! alternate_name description url:uri email:email status! interpretation_services application_process fees_description wait_time fees accreditations eligibility_description minimum_age:number maximum_age:number assured_date:date assurer_email:email licenses alert last_modified:datetime',
    foreignKeys: { organization_id: 'organization', program_id: 'program' },
  },
  {
    name: 'attribute',
    path: 'attributes.csv',
    fields: 'id:uuid! link_id:uuid! taxonomy_term_id:uuid! link_type link_entity! value',
    foreignKeys: { taxonomy_term_id: 'taxonomy_term' },
  },
  {
    name: 'service_at_location',
    path: 'service_at_location.csv',
    fields: 'id:uuid! service_id:uuid! location_id:uuid! description',
    foreignKeys: { service_id: 'service', location_id: 'location' },
  },
  {
    name: 'location',
    path: 'locations.csv',
    fields:
      'id:uuid! location_type! url:uri organization_id:uuid name alternate_name description transportation latitude:number longitude:number external_identifier external_identifier_type',
    foreignKeys: { organization_id: 'organization' },
  },
  {
    name: 'phone',
    path: 'phones.csv',
    fields:
      'id:uuid! location_id:uuid service_id:uuid organization_id:uuid contact_id:uuid service_at_location_id:uuid number! extension:number type description',
    foreignKeys: {
      contact_id: 'contact',
      location_id: 'location',
      organization_id: 'organization',
      service_id: 'service',
      service_at_location_id: 'service_at_location',
    },
  },
  {
    name: 'contact',
    path: 'contacts.csv',
    fields: 'id:uuid! organization_id:uuid service_id:uuid service_at_location_id:uuid location_id:uuid name title department email:email',
    foreignKeys: { location_id: 'location', organization_id: 'organization', service_id: 'service', service_at_location_id: 'service_at_location' },
  },
  {
    name: 'address',
    path: 'addresses.csv',
    fields: 'id:uuid! location_id:uuid attention address_1! address_2 city! region state_province! postal_code! country! address_type!',
    foreignKeys: { location_id: 'location' },
  },
  {
    name: 'schedule',
    path: 'schedules.csv',
    fields:
      'id:uuid! service_id:uuid location_id:uuid service_at_location_id:uuid valid_from:date valid_to:date dtstart:date timezone:number until:date count:number wkst freq interval:number byday byweekno bymonthday byyearday description opens_at:time closes_at:time schedule_link:uri attending_type notes',
    foreignKeys: { location_id: 'location', service_id: 'service', service_at_location_id: 'service_at_location' },
  },
  {
    name: 'funding',
    path: 'funding.csv',
    fields: 'id:uuid! organization_id:uuid service_id:uuid source',
    foreignKeys: { organization_id: 'organization', service_id: 'service' },
  },
  {
    name: 'service_area',
    path: 'service_areas.csv',
    fields: 'id:uuid! service_id:uuid name description extent extent_type uri',
    foreignKeys: { service_id: 'service' },
  },
  { name: 'required_document', path: 'required_documents.csv', fields: 'id:uuid! service_id:uuid document uri:uri', foreignKeys: { service_id: 'service' } },
  {
    name: 'language',
    path: 'languages.csv',
    fields: 'id:uuid! service_id:uuid location_id:uuid phone_id:uuid name code note',
    foreignKeys: { location_id: 'location', phone_id: 'phone', service_id: 'service' },
  },
  {
    name: 'accessibility',
    path: 'accessibility.csv',
    fields: 'id:uuid! location_id:uuid description details url:uri',
    foreignKeys: { location_id: 'location' },
  },
  {
    name: 'taxonomy_term',
    path: 'taxonomy_terms.csv',
    fields: 'id:uuid! code name! description! parent_id:uuid taxonomy language taxonomy_id:uuid term_uri:uri',
    foreignKeys: { taxonomy_id: 'taxonomy' },
  },
  {
    name: 'metadata',
    path: 'metadata.csv',
    fields: 'id:uuid! resource_id:uuid! resource_type! last_action_date:date! last_action_type! field_name! previous_value! replacement_value! updated_by!',
    foreignKeys: {},
  },
  { name: 'meta_table_description', path: 'meta_table_descriptions.csv', fields: 'id:uuid! name language character_set', foreignKeys: {} },
  {
    name: 'cost_option',
    path: 'cost_options.csv',
    fields: 'id:uuid! service_id:uuid! valid_from:date valid_to:date option currency amount:number amount_description',
    foreignKeys: { service_id: 'service' },
  },
  {
    name: 'organization_identifier',
    path: 'organization_identifiers.csv',
    fields: 'id:uuid! organization_id:uuid! identifier_scheme identifier_type! identifier!',
    foreignKeys: { organization_id: 'organization' },
  },
  { name: 'taxonomy', path: 'taxonomies.csv', fields: 'id:uuid! name! description! uri:uri version', foreignKeys: {} },
] as const;

/** The spec's closed lists, as its datapackage gives them. */
const ENUMS: Record<string, readonly string[]> = {
  'service.status': ['active', 'inactive', 'defunct', 'temporarily closed'],
  'location.location_type': ['physical', 'postal', 'virtual'],
  'address.address_type': ['physical', 'postal', 'virtual'],
  'schedule.wkst': ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'],
  'schedule.freq': ['WEEKLY', 'MONTHLY'],
};

/**
 * What Lotse adds to the HSDS tables (the conformance page allows fields
 * beyond the spec where its own do not suffice). Kinds beyond the spec's:
 * `array`, `object` (JSON in the cell) and `boolean` (true/false), Table
 * Schema types.
 */
const LOTSE_FIELDS: Partial<Record<HsdsTableName, string>> = {
  organization:
    'x_lotse_id x_lotse_department x_lotse_counseling_fields:array x_lotse_notes x_lotse_assured_date:date x_lotse_assured_by x_lotse_archived:boolean x_lotse_email x_lotse_website',
  service: 'x_lotse_id x_lotse_counseling_fields:array',
  contact: 'x_lotse_id x_lotse_form_of_address x_lotse_academic_title x_lotse_email',
  location: 'x_lotse_address:object x_lotse_postbox:object',
};

export type HsdsTableName = (typeof SPEC_TABLES)[number]['name'];

export interface TableField {
  name: string;
  type: string;
  format?: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: readonly string[] };
}

const STRING_FORMATS = new Set(['uuid', 'email', 'uri']);

function parseFields(table: string, spec: string): TableField[] {
  return spec.split(' ').map((token) => {
    const required = token.endsWith('!');
    const [name, kind] = (required ? token.slice(0, -1) : token).split(':') as [string, string | undefined];
    const field: TableField = { name, type: kind === undefined || STRING_FORMATS.has(kind) ? 'string' : kind };
    if (kind !== undefined && STRING_FORMATS.has(kind)) field.format = kind;
    const enumValues = ENUMS[`${table}.${name}`];
    if (required || name === 'id' || enumValues) {
      field.constraints = { ...(required ? { required: true } : {}), ...(name === 'id' ? { unique: true } : {}), ...(enumValues ? { enum: enumValues } : {}) };
    }
    return field;
  });
}

export interface HsdsTable {
  name: HsdsTableName;
  path: string;
  fields: TableField[];
  foreignKeys: Array<{ fields: string; reference: { resource: string; fields: 'id' } }>;
}

/** Every table of the package, the spec's fields first, then Lotse's. */
export const HSDS_TABLES: readonly HsdsTable[] = SPEC_TABLES.map((table) => ({
  name: table.name,
  path: table.path,
  fields: [...parseFields(table.name, table.fields), ...(LOTSE_FIELDS[table.name] ? parseFields(table.name, LOTSE_FIELDS[table.name]!) : [])],
  foreignKeys: Object.entries(table.foreignKeys).map(([fields, resource]) => ({ fields, reference: { resource, fields: 'id' as const } })),
}));
