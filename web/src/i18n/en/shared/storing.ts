/** English, the refusals of a server short of room, on every page that stores something. */

const storing = {
  storing: {
    quota:
      'Your address has stored as much as this server allows for now. Choose a shorter expiry or send less, or try again later; what you typed is still here.',
    nearlyFull:
      'The server is short of room: for now it takes only small secrets that expire within a day. Send less or choose a shorter expiry, or try again later.',
    busy: 'The server is receiving a lot just now. Try again in a few seconds; what you typed is still here.',
  },
};

export default storing;
