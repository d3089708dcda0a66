import { defineMessages } from '../i18n/define.ts';

export default defineMessages(
  {
    'audit.title': 'Nhật ký thay đổi',
    'audit.at': 'Thời điểm',
    'audit.actor': 'Người thực hiện',
    'audit.action': 'Thao tác',
    'audit.target': 'Đối tượng',
    'audit.details': 'Chi tiết',
    'audit.filterAction': 'Lọc theo thao tác',
    'audit.all': 'Tất cả',
    'audit.older': 'Cũ hơn',
    'audit.empty': 'Chưa có thay đổi nào được ghi lại.',
  },
  {
    'audit.title': 'Audit log',
    'audit.at': 'When',
    'audit.actor': 'Who',
    'audit.action': 'Action',
    'audit.target': 'Target',
    'audit.details': 'Details',
    'audit.filterAction': 'Filter by action',
    'audit.all': 'All',
    'audit.older': 'Older',
    'audit.empty': 'No changes recorded yet.',
  },
);
