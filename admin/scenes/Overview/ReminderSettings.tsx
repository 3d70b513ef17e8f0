/**
 * 自动催办设置 (office): how many working days before a period closes units are reminded, how long
 * after it closes overdue reminders continue, and whether automatic reminders run at all.
 */
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Form, InputNumber, Modal, Switch } from 'antd';
import { errorMessage } from '../../api/client.ts';
import { reminders } from '../../api/endpoints.ts';
import type { ReminderSettings } from '../../api/types.ts';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';

export function ReminderSettingsButton({ icon }: { icon?: ReactNode }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ReminderSettings>();
  const settings = useLoad(open ? () => reminders.settings() : null, [open]);

  const save = async () => {
    const v = await form.validateFields();
    try {
      await reminders.setSettings(v);
      message.success(t.overview.reminderSaved);
      setOpen(false);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <Button icon={icon} onClick={() => setOpen(true)}>{t.overview.reminderSettings}</Button>
      <Modal open={open} title={t.overview.reminderSettings} onCancel={() => setOpen(false)} onOk={() => void save()} okText={t.common.save} cancelText={t.common.cancel} destroyOnHidden>
        {settings.error && <Alert type="error" showIcon title={settings.error} />}
        {settings.data && (
          <Form form={form} layout="vertical" name="reminder-settings" initialValues={settings.data}>
            <Form.Item name="enabled" label={t.overview.reminderEnabled} valuePropName="checked"><Switch /></Form.Item>
            <Form.Item name="dueSoonWorkingDays" label={t.overview.dueSoonDays} extra={t.overview.dueSoonDaysHint} rules={[{ required: true }]}><InputNumber min={0} max={60} /></Form.Item>
            <Form.Item name="overdueWindowDays" label={t.overview.overdueWindow} extra={t.overview.overdueWindowHint} rules={[{ required: true }]}><InputNumber min={0} max={365} /></Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}
