/**
 * Raw material for the demo practice. Every person, street, town and organisation is made
 * up (the postcode areas MB, KF, EB, HW, LF and GM do not exist; phone numbers are in
 * Ofcom's drama ranges; emails end in .test). The five insurers are named because the
 * product's rules are written per insurer (vocabulary.ts INSURERS); their staff are fictional.
 */

export const FIRST_NAMES_CHILD = [
  'Alfie', 'Amelia', 'Archie', 'Ava', 'Arlo', 'Bella', 'Charlie', 'Daisy', 'Ellis', 'Evie', 'Finley', 'Freya', 'George', 'Grace',
  'Harrison', 'Harper', 'Isaac', 'Isla', 'Jacob', 'Ivy', 'Leo', 'Lily', 'Logan', 'Mia', 'Louie', 'Millie', 'Max', 'Nova', 'Noah',
  'Olivia', 'Oscar', 'Phoebe', 'Reggie', 'Poppy', 'Rory', 'Rosie', 'Sonny', 'Sienna', 'Teddy', 'Willow', 'Theo', 'Zara', 'Tommy',
  'Aisha', 'Yusuf', 'Hana', 'Ibrahim', 'Maya', 'Kai', 'Esme', 'Rhys', 'Seren', 'Callum', 'Eilidh', 'Dylan', 'Cerys', 'Fraser', 'Niamh',
] as const;

export const FIRST_NAMES_ADULT = [
  'Adrian', 'Alison', 'Andrew', 'Angela', 'Barry', 'Beverley', 'Brian', 'Carol', 'Colin', 'Claire', 'Darren', 'Deborah', 'Derek',
  'Donna', 'Gary', 'Elaine', 'Graham', 'Fiona', 'Ian', 'Gillian', 'Keith', 'Helen', 'Kevin', 'Jacqueline', 'Lee', 'Janet', 'Martin',
  'Joanne', 'Neil', 'Karen', 'Nigel', 'Lorraine', 'Paul', 'Louise', 'Philip', 'Mandy', 'Richard', 'Nicola', 'Roger', 'Pauline',
  'Simon', 'Rachel', 'Stephen', 'Sandra', 'Stuart', 'Sharon', 'Trevor', 'Tracey', 'Wayne', 'Wendy', 'Imran', 'Nadia', 'Tariq',
  'Priya', 'Kwame', 'Abena', 'Owain', 'Bethan', 'Hamish', 'Morag', 'Marek', 'Agnieszka',
] as const;

export const SURNAMES = [
  'Ashdown', 'Barraclough', 'Birtwhistle', 'Blackwood', 'Bramley', 'Brightwell', 'Calloway', 'Carrow', 'Cheshire', 'Clough',
  'Colebrook', 'Crabtree', 'Dawlish', 'Denholm', 'Dunmore', 'Eckersley', 'Ellingham', 'Fairbairn', 'Fenwick', 'Fothergill',
  'Garside', 'Gledhill', 'Greenhalgh', 'Hargreaves', 'Haworth', 'Heskett', 'Holroyd', 'Ibbotson', 'Jowett', 'Kershaw',
  'Kettlewell', 'Lambourne', 'Lomax', 'Marsden', 'Merriweather', 'Micklethwaite', 'Nuttall', 'Oldroyd', 'Ormerod', 'Pennington',
  'Pickersgill', 'Quarmby', 'Ramsbottom', 'Rawcliffe', 'Sowerby', 'Stansfield', 'Sutcliffe', 'Tattersall', 'Thistlethwaite',
  'Uttley', 'Varley', 'Wadsworth', 'Whiteley', 'Wolstenholme', 'Yeadon', 'Ahmed', 'Begum', 'Chowdhury', 'Okonkwo', 'Mensah',
  'Nowak', 'Kowalski', 'Patel', 'Sharma', 'Davies', 'Pritchard', 'MacLeod', 'Campbell', 'Fraser', 'McAllister',
] as const;

export const STREET_NAMES = [
  'Weaver', 'Kingfisher', 'Heron', 'Millstone', 'Bramble', 'Foxglove', 'Larkspur', 'Tanner', 'Cooper', 'Chandler', 'Orchard',
  'Quarry', 'Beacon', 'Wharf', 'Ropewalk', 'Hollybush', 'Saddler', 'Ploughman', 'Bellfounder', 'Cobbler', 'Thimble', 'Lantern',
  'Hayrick', 'Dovecote', 'Sheepwash', 'Pinfold', 'Clothier', 'Fuller', 'Dyer', 'Spinner',
] as const;
export const STREET_KINDS = ['Street', 'Lane', 'Road', 'Close', 'Way', 'Avenue', 'Gardens', 'Crescent', 'Row', 'Terrace'] as const;

export interface Town {
  name: string;
  area: string;
  jurisdiction: 'england' | 'wales' | 'scotland';
}

export const TOWNS: readonly Town[] = [
  { name: 'Meadowbank', area: 'MB', jurisdiction: 'england' },
  { name: 'Kestrelford', area: 'KF', jurisdiction: 'england' },
  { name: 'Eastbrook', area: 'EB', jurisdiction: 'england' },
  { name: 'Harrowdale', area: 'HW', jurisdiction: 'england' },
  { name: 'Thornbury Vale', area: 'MB', jurisdiction: 'england' },
  { name: 'Ashcombe', area: 'KF', jurisdiction: 'england' },
  { name: 'Little Wendlow', area: 'EB', jurisdiction: 'england' },
  { name: 'Brackenridge', area: 'HW', jurisdiction: 'england' },
  { name: 'Llanfawr', area: 'LF', jurisdiction: 'wales' },
  { name: 'Glenmorven', area: 'GM', jurisdiction: 'scotland' },
];

/** Local authorities by town; the Welsh and Scottish councils carry their own jurisdiction. */
export const LOCAL_AUTHORITIES = [
  { name: 'Meadowshire County Council', town: 'Meadowbank', jurisdiction: 'england' },
  { name: 'Kestrelford City Council', town: 'Kestrelford', jurisdiction: 'england' },
  { name: 'Eastbrook Borough Council', town: 'Eastbrook', jurisdiction: 'england' },
  { name: 'Harrowdale Metropolitan Borough Council', town: 'Harrowdale', jurisdiction: 'england' },
  { name: 'Llanfawr County Council (Cyngor Sir Llanfawr)', town: 'Llanfawr', jurisdiction: 'wales' },
  { name: 'Glenmorven Council', town: 'Glenmorven', jurisdiction: 'scotland' },
] as const;

export const SCHOOL_PLACES = [
  'Meadowbank', 'Kestrelford', 'Eastbrook', 'Harrowdale', 'Thornbury Vale', 'Ashcombe', 'Little Wendlow', 'Brackenridge',
  'St Aldhelm\'s', 'Holy Trinity', 'Riverside', 'Hillcrest', 'Oakfield', 'Willowbrook', 'Fernhill', 'Castle Mead',
  'Beechwood', 'Larchmere', 'Foxcote', 'Millbrook', 'Stonebridge', 'Greywell', 'Kingsmoor', 'Hawthorn Rise', 'Elmstead',
  'Cold Ashby', 'Wrenfield', 'Copperbeech', 'Northgate', 'Southfields',
] as const;
export const SCHOOL_KINDS = ['Primary School', 'Infant School', 'Junior School', 'Academy', 'High School', 'Special School', 'C of E Primary School', 'Community College'] as const;

export const SOLICITOR_FIRMS = [
  'Hartley Crane LLP', 'Penrose & Vaughan Solicitors', 'Ashby Fenwick Law', 'Merriman Holt LLP', 'Colwyn & Price Solicitors',
  'Thackeray Bright Solicitors', 'Dunstan Marsh LLP', 'Ellery Kaye Solicitors', 'Wetherby Lowe LLP', 'Kingsley Orme Solicitors',
] as const;
export const CASE_MANAGEMENT_FIRMS = [
  'Northpoint Case Management Ltd', 'Keystone Rehabilitation Case Management', 'Brightpath Case Management Ltd', 'Compass Care & Rehab Ltd',
  'Harbour Case Management Ltd', 'Summit Neuro Case Management',
] as const;
export const EMPLOYERS = [
  { name: 'Kestrelford Logistics Ltd', jobs: ['Warehouse operative', 'HGV driver', 'Shift supervisor'] },
  { name: 'Meadowshire Building Society', jobs: ['Customer adviser', 'Mortgage adviser', 'Branch manager'] },
  { name: 'Eastbrook Engineering plc', jobs: ['CNC machinist', 'Design engineer', 'Quality inspector'] },
  { name: 'Harrowdale Care Homes Ltd', jobs: ['Senior carer', 'Activities coordinator', 'Home manager'] },
  { name: 'Brackenridge Software Ltd', jobs: ['Software developer', 'Support analyst', 'Project manager'] },
  { name: 'Thornbury Vale Hotels Ltd', jobs: ['Chef', 'Housekeeper', 'Receptionist'] },
] as const;

export const INSURER_DETAILS = [
  { name: 'Bupa', code: (d: string) => `PA${d}`, digits: 8, perSession: 9_500, handlerRole: 'Claims case handler' },
  { name: 'AXA Health', code: (d: string) => `AXACLM${d}`, digits: 6, perSession: 9_000, handlerRole: 'Claims assessor' },
  { name: 'Aviva', code: (d: string) => `AV${d}`, digits: 7, perSession: 8_500, handlerRole: 'Claims handler' },
  { name: 'Vitality', code: (d: string) => `VHC-${d}`, digits: 6, perSession: 8_800, handlerRole: 'Case manager' },
  { name: 'WPA', code: (d: string) => `WPA${d}`, digits: 7, perSession: 8_000, handlerRole: 'Claims officer' },
] as const;

export const ADAPTATIONS = [
  'Level-access shower', 'Stairlift', 'Through-floor lift', 'Ramped access to front door', 'Ground-floor bedroom and wet room extension',
  'Ceiling track hoist', 'Widened doorways', 'Kitchen adaptations for wheelchair use', 'Grab rails and half-steps', 'Specialist toilet (wash and dry)',
] as const;
export const TENURES = ['owner_occupier', 'council_tenant', 'housing_association', 'private_rented'] as const;

export const CHILD_DIAGNOSES = [
  'developmental coordination disorder', 'autism and sensory processing differences', 'cerebral palsy (GMFCS II)', 'Down syndrome',
  'hypermobility with fatigue', 'global developmental delay', 'ADHD with handwriting difficulties', 'acquired brain injury',
] as const;
export const ADULT_NEURO_CONDITIONS = ['stroke', 'traumatic brain injury', 'multiple sclerosis', "Parkinson's", 'spinal cord injury', 'functional neurological disorder'] as const;
export const MENTAL_HEALTH_REASONS = ['anxiety and low mood affecting daily routine', 'return to work after burnout', 'PTSD after a road traffic collision', 'chronic fatigue and pacing', 'psychosis – community rehabilitation'] as const;
export const ACCIDENTS = ['road traffic collision', 'workplace fall from height', 'cycling accident', 'slip on a supermarket floor', 'clinical negligence (birth injury)', 'assault'] as const;
